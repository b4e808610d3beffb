import { Typography } from '@mui/material';

/** Problems that belong to no field of a small form, one line each, under the form. */
export function ErrorLines({ messages }: { messages: readonly (string | null)[] }) {
  return (
    <>
      {messages
        .filter((m): m is string => Boolean(m))
        .map((m) => (
          <Typography key={m} color="error">
            {m}
          </Typography>
        ))}
    </>
  );
}
