export const XOP_ROWS = ``;
export const D3NOW_ROWS = ``;
