// Express with the `cors` package: let the app's origin send the session header.
import cors from 'cors';

export const corsForOpenReplay = cors({
  origin: ['https://app.example.com'], // the origin(s) of the pages that call this API
  allowedHeaders: ['Content-Type', 'Authorization', 'X-OpenReplay-SessionToken'],
});
// app.use(corsForOpenReplay);
