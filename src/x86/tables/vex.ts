export const VEX_ROWS = ``;
