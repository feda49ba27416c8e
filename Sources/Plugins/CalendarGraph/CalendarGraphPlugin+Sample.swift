import HubPluginSupport

extension CalendarGraphPlugin {
    /// The commented sample instance file (`plugins.d/calendar_graph.toml.sample`).
    public static let sampleConfig = """
        ## Reads the Microsoft 365 (Exchange Online) calendars of every user whose record names a calendar
        ## (the user's UPN or primary SMTP address) and sets presence from them: "in a meeting until 14:00",
        ## "out of office until 3 Dec". The customer registers an app with the Calendars.Read application
        ## permission and grants admin consent; see Sources/Plugins/CalendarGraph/README.md.
        plugin = "calendar_graph"
        tenant = "acme"

        [settings]
          ## Directory (tenant) id or a verified domain of the customer's Microsoft Entra tenant.
          tenant_id = "contoso.onmicrosoft.com"

          ## Application (client) id of the app registration.
          client_id = "00000000-0000-0000-0000-000000000000"

          ## Client secret of the app registration. Keep it out of this file: set client_secret_env to the
          ## name of an environment variable holding it instead (and drop this line).
          client_secret = "change-me"
          # client_secret_env = "HUB_GRAPH_CLIENT_SECRET"

          ## Token endpoint base ("/<tenant_id>/oauth2/v2.0/token" is appended) and Graph API base. Change
          ## them only for national clouds (e.g. https://login.microsoftonline.us, https://graph.microsoft.us/v1.0).
          # token_url = "https://login.microsoftonline.com"
          # graph_url = "https://graph.microsoft.com/v1.0"

          ## OAuth scope asked for.
          # scope = "https://graph.microsoft.com/.default"

          ## How often each mailbox is read (after the first read only changes are fetched; a full read
          ## follows every hour and at midnight UTC).
          # poll_interval = "5m"

          ## Days ahead of today the calendar window covers (it starts at yesterday's midnight UTC).
          # lookahead_days = 8

          ## Mailboxes read at the same time (Graph allows four concurrent requests per mailbox and app).
          # max_concurrent = 4

          ## Whole-request timeout.
          # request_timeout = "30s"

        \(CalendarPolicySettings.sample)

        """
}
