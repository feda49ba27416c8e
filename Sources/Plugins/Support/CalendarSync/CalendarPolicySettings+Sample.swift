extension CalendarPolicySettings {
    /// The commented sample lines of the shared keys, indented like the rest of a `[settings]` table, for
    /// an adapter's sample config (`\(CalendarPolicySettings.sample)` on a line of its own).
    public static let sample = """
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
