//! Sending mail over SMTP (the `mail` step): one connection per message, plain SMTP
//! (no TLS), optional login.

use std::time::Duration;

/// The server a message goes through.
pub struct SmtpServer<'a> {
    pub host: &'a str,
    pub port: u16,
    /// User name and password, for `AUTH`.
    pub login: Option<(String, String)>,
    pub timeout: Duration,
}

/// Why a message was not sent.
pub enum SendError {
    /// No connection to the server (refused, unreachable, timed out).
    Connect(String),
    /// The server refused the message or the conversation failed later.
    Smtp(String),
}

/// Sends `message` to its envelope's recipients (To, Cc and Bcc) through `server`.
pub fn send(server: &SmtpServer<'_>, message: &lettre::Message) -> Result<(), SendError> {
    use lettre::Transport;
    let mut transport = lettre::SmtpTransport::builder_dangerous(server.host)
        .port(server.port)
        .timeout(Some(server.timeout));
    if let Some((user, password)) = &server.login {
        transport =
            transport.credentials(lettre::transport::smtp::authentication::Credentials::new(
                user.clone(),
                password.clone(),
            ));
    }
    transport.build().send(message).map(|_| ()).map_err(|e| {
        let text = e.to_string();
        // lettre names the failure to connect only in its message ("Connection error: …").
        if text.starts_with("Connection error") {
            SendError::Connect(text)
        } else {
            SendError::Smtp(text)
        }
    })
}
