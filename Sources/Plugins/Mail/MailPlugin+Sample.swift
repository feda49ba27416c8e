extension MailPlugin {
    /// The commented sample instance file (`plugins.d/email_smtp.toml.sample`).
    public static let sampleConfig = """
        ## Sends the tenant's e-mail (notifications, conference invitations) through an SMTP server.
        ## Each message keeps the Message-ID <outbox-id@message_id_domain> on every attempt, so a
        ## receiver can drop the rare duplicate after a crash (delivery is at-least-once).
        plugin = "email_smtp"
        tenant = "acme"

        [settings]
          ## The server: smtp://host:port (STARTTLS as below) or smtps://host:port (TLS from the start).
          url = "smtp://mail.example.com:587"

          ## STARTTLS on smtp:// URLs: "required" (refuse to send in clear), "try" or "off".
          # starttls = "required"

          ## Login (AUTH); leave both out for a server that relays without login.
          # username = "hub@example.com"
          # password = "secret"

          ## The name the hub gives in EHLO.
          # helo = "hub.localdomain"

          ## Domain part of the Message-IDs.
          # message_id_domain = "hub.localdomain"

          ## Longest time one message may take (connect, TLS, login, upload).
          # timeout = "60s"

          ## CA bundle for the server certificate (default: the system's), and whether it is checked.
          # ca_file = "/etc/ssl/certs/ca-certificates.crt"
          # verify_certificate = true
        """
}
