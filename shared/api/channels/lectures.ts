export const lecturesChannels = {} as const;
