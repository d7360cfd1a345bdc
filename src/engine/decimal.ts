export { D, P, PRINTED_DIGITS } from '../core/decimal.js';
