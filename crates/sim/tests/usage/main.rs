//! Usage and cost as a client sees them: Azure Monitor metrics fed by the chats the simulator really
//! answered (and by history added through `/_sim/traffic`), and the Retail Prices API for the catalog's
//! billing meters.

mod helpers;

mod history;
mod metrics;
mod prices;
