import HubPluginSupport

extension CalendarDominoPlugin {
    /// The commented sample instance file (`plugins.d/calendar_domino.toml.sample`).
    public static let sampleConfig = """
        ## Reads the HCL Domino (Lotus Notes) calendars of every user whose record names a calendar and sets
        ## presence from them: "in a meeting until 14:00". Two APIs: Domino Access Services (DAS, Domino
        ## 9.0.1 and later; the calendar field is the mail file path, e.g. "mail/alice.nsf") or the Domino
        ## REST API (DRAPI, Domino 12.0.2 and later; the calendar field is the user's e-mail address, mail
        ## file path or replica id). One service account with Reader access to the mail files reads them all;
        ## see Sources/Plugins/CalendarDomino/README.md for what the Domino admin sets up.
        plugin = "calendar_domino"
        tenant = "acme"

        [settings]
          ## The Domino HTTP server for DAS (the customer opens TCP 443 to it from the hub), or the Domino
          ## REST API for DRAPI, which listens on its own port (default 8880): "https://mail.example.com:8880".
          url = "https://mail.example.com"

          ## "das" (Domino Access Services, Basic auth) or "drapi" (Domino REST API, JWT from /api/v1/auth).
          # api = "das"

          ## Service account (Notes user name or internet address) with Reader access to the mail files.
          username = "svc-presence@example.com"

          ## Its internet password. Keep it out of this file: set password_env to the name of an environment
          ## variable holding it instead (and drop this line).
          password = "change-me"
          # password_env = "HUB_DOMINO_PASSWORD"

          ## DRAPI only: the scope asked for at login; MAIL is the user's mailbox and calendar.
          # scope = "MAIL"

          ## Time zone of whole-day entries (and of times sent without a zone).
          # time_zone = "UTC"

          ## PEM file of the CA that signed the Domino server's certificate, if it is not publicly trusted.
          # ca_file = "/etc/hub/domino-ca.pem"

          ## DAS only: events per request; longer calendars are read in further pages.
          # page_size = 100

          ## How often each mailbox is read.
          # poll_interval = "5m"

          ## Days ahead of today the calendar window covers (it starts at yesterday's midnight UTC).
          # lookahead_days = 8

          ## Mailboxes read at the same time.
          # max_concurrent = 8

          ## Whole-request timeout.
          # request_timeout = "30s"

        \(CalendarPolicySettings.sample)

        """
}
