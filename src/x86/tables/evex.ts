export const EVEX_ROWS = ``;
