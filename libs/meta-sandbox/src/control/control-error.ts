/** A bad control request; the router answers 400 with the message. */
export class ControlError extends Error {}
