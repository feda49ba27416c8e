import HubPluginSupport

extension CalendarEWSPlugin {
    /// The commented sample instance file (`plugins.d/calendar_ews.toml.sample`).
    public static let sampleConfig = """
        ## Reads the Exchange Server (2016/2019/SE, on-premises) calendars of every user whose record names a
        ## calendar (the user's primary SMTP address) and sets presence from them: "in a meeting until 14:00",
        ## "out of office until 3 Dec". One service account with the ApplicationImpersonation role reads all
        ## mailboxes; see Sources/Plugins/CalendarEWS/README.md for what the Exchange admin sets up.
        ## Exchange Online: use calendar_graph (EWS in Exchange Online is being shut down).
        plugin = "calendar_ews"
        tenant = "acme"

        [settings]
          ## EWS endpoint; the customer opens TCP 443 to it from the hub.
          url = "https://mail.example.com/EWS/Exchange.asmx"

          ## Service account with the ApplicationImpersonation role (DOMAIN\\user or user@domain).
          username = "EXAMPLE\\\\svc-presence"

          ## Its password. Keep it out of this file: set password_env to the name of an environment
          ## variable holding it instead (and drop this line).
          password = "change-me"
          # password_env = "HUB_EWS_PASSWORD"

          ## "ntlm" (Exchange's default) or "basic".
          # auth = "ntlm"

          ## RequestServerVersion sent; Exchange2013 or later reports "working elsewhere".
          # server_version = "Exchange2013"

          ## PEM file of the CA that signed the Exchange server's certificate, if it is not publicly trusted.
          # ca_file = "/etc/hub/exchange-ca.pem"

          ## How often each mailbox is read.
          # poll_interval = "5m"

          ## Days ahead of today the calendar window covers (it starts at yesterday's midnight UTC).
          # lookahead_days = 8

          ## MaxEntriesReturned per CalendarView; a cut view is continued with further requests.
          # max_entries = 200

          ## Mailboxes read at the same time (Exchange allows 27 per account by default).
          # max_concurrent = 8

          ## Whole-request timeout.
          # request_timeout = "30s"

        \(CalendarPolicySettings.sample)

        """
}
