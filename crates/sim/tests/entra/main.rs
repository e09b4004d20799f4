//! Entra sign-in over real HTTP: the device-code flow and each of its outcomes, authorization code with
//! PKCE, refresh tokens across resources and tenants, Entra's error shape, and the issued tokens as ARM and
//! inference judge them.

mod helpers;

mod device;
mod honoured;
mod pkce;
mod refresh;
