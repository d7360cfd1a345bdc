/** The unit of a scenario's amounts: US dollars or bitcoin. */
export type Unit = 'USD' | 'BTC';
