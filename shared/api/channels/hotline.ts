export const hotlineChannels = {} as const;
