extension CalendarDominoPlugin {
    /// The commented sample instance file (`plugins.d/calendar_domino.toml.sample`).
    public static let sampleConfig = """
        ## Reads the HCL Domino (Lotus Notes) calendars of every user whose record names a calendar (the
        ## path of the user's mail file, e.g. "mail/alice.nsf") through Domino Access Services (DAS) and sets
        ## presence from them: "in a meeting until 14:00". One service account with Reader access to the mail
        ## files reads them all; see Sources/Plugins/CalendarDomino/README.md for what the Domino admin sets up.
        plugin = "calendar_domino"
        tenant = "acme"

        [settings]
          ## The Domino HTTP server; the customer opens TCP 443 to it from the hub.
          url = "https://mail.example.com"

          ## Service account (Notes user name or internet address) with Reader access to the mail files.
          username = "svc-presence@example.com"

          ## Its internet password. Keep it out of this file: set password_env to the name of an environment
          ## variable holding it instead (and drop this line).
          password = "change-me"
          # password_env = "HUB_DOMINO_PASSWORD"

          ## Time zone of whole-day entries (and of times DAS sends without UTC).
          # time_zone = "UTC"

          ## PEM file of the CA that signed the Domino server's certificate, if it is not publicly trusted.
          # ca_file = "/etc/hub/domino-ca.pem"

          ## Events per request; longer calendars are read in further pages.
          # page_size = 100

          ## How often each mail file is read.
          # poll_interval = "5m"

          ## Days ahead of today the calendar window covers (it starts at yesterday's midnight UTC).
          # lookahead_days = 8

          ## Mail files read at the same time.
          # max_concurrent = 8

          ## Whole-request timeout.
          # request_timeout = "30s"

          ## Which entries set presence: "show_as" (every busy / out-of-office entry; users opt out by
          ## marking an entry free) or "keyword" (only entries with one of the keywords below as a category
          ## or as the first word of the subject).
          # opt_in = "show_as"

          ## Keywords for opt_in = "keyword", in priority order; "word=activity" sets that activity.
          # keywords = ["Presence", "h:=on_vacation"]

          ## Activities set by busy, out-of-office, tentative and working-elsewhere entries ("" sets nothing).
          # activity_busy = "in_meeting"
          # activity_out_of_office = "on_vacation"
          # activity_tentative = ""
          # activity_working_elsewhere = ""

          ## Whether the subject of a normal (not private) entry becomes the presence note.
          # publish_subjects = false

        """
}
