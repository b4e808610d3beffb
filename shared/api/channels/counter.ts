export const counterChannels = {} as const;
