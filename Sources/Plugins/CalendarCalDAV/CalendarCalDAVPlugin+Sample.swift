import HubPluginSupport

extension CalendarCalDAVPlugin {
    /// The commented sample instance file (`plugins.d/calendar_caldav.toml.sample`).
    public static let sampleConfig = """
        ## Sets presence from CalDAV calendars (Radicale, Nextcloud, SOGo, Baikal, Apple Calendar Server …).
        ## A service account reads the calendar of every user whose record names a calendar address; the
        ## server must give that account read access to those calendars (see the plugin README).
        plugin = "calendar_caldav"
        tenant = "acme"

        [settings]
          ## Calendar collection URL of each user. {user} is the calendar address in the user's record,
          ## {local} its part before "@". A calendar address that is itself an http(s) URL is used as is.
          calendar_url = "https://dav.example.com/{user}/calendar/"

          ## Service account (HTTP Basic) with read access to the users' calendars.
          username = "hub-reader"

          ## Its password. Keep it out of this file: set password_env to the name of an environment
          ## variable holding it, or password_file to a file only the hub can read (first line).
          password = "change-me"
          # password_env = "HUB_CALDAV_PASSWORD"
          # password_file = "/etc/hub/secrets/caldav-password"

          ## Time zone of all-day and floating entries (the users' zone).
          # time_zone = "Europe/Helsinki"

          ## How often each calendar is checked for changes (a cheap sync-collection REPORT).
          # poll_interval = "60s"

          ## How often each calendar is read in full over the window (calendar-query REPORT).
          # full_resync_interval = "1h"

          ## Whole days ahead of today that are read (an absence's until-time is capped there).
          # lookahead_days = 8

          ## Calendars read at the same time.
          # max_concurrent = 4

          ## Time limit of one HTTP request.
          # request_timeout = "30s"

          ## PEM file of the CA that signed the server's certificate, if it is not a public CA.
          # ca_file = "/etc/hub/dav-ca.pem"

          ## HTTP proxy between the hub and the server.
          # proxy = "http://proxy.example.com:3128"

        \(CalendarPolicySettings.sample)

        """
}
