/** The response pane keeps at least this width (CSS pixels) when the operation editor widens to fit its lines. */
export const RESPONSE_MIN_PX = 360;
