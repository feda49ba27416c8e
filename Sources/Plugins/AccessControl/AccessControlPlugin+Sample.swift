extension AccessControlPlugin {
    /// The commented sample instance file (`plugins.d/access_control_serial.toml.sample`).
    public static let sampleConfig = """
        ## Door-badge or time-clock stamps from a serial port set presence (SPEC INT-ACS). Each stamp's
        ## function key or direction picks an activity; its badge picks the user (the user's badgeIDs in
        ## the directory). The stamp text goes into the note only if the note is empty; a stamp with an end
        ## (duration or until) returns presence to "available" at that time unless something changed it
        ## since. One-way: nothing is ever written to the line. Wiring, presets and troubleshooting:
        ## Sources/Plugins/AccessControl/README.md.
        plugin = "access_control_serial"
        tenant = "acme"

        [settings]
          ## The serial device, or tcp://host:port for a serial device server in raw TCP mode.
          port = "/dev/ttyUSB0"

          ## auto: libserialport, falling back to termios for what it refuses (pseudo-terminals, symlinks);
          ## or force "libserialport" or "termios". Ignored for tcp:// ports.
          # driver = "auto"

          ## Line settings; the preset gives defaults (9600 8N1 for most, 600 8E1 for acc50_log).
          # baud = 9600
          # data_bits = 8
          ## none, odd, even, mark, space
          # parity = "none"
          # stop_bits = 1
          ## none, xonxoff, rtscts, dtrdsr
          # flow_control = "none"

          ## The line format: wiegand_hex, wiegand_decimal, rfid_stx_etx, em18, time_clock_csv,
          ## time_clock_tab, galaxy_log, acc50_log, bosch_d9131a, semicolon. The keys below override
          ## parts of it; without a preset, pattern is required.
          preset = "time_clock_csv"

          ## How records are cut: line, stx_etx or fixed.
          # framing = "line"
          ## For line framing: any (CR, LF or CRLF), cr, lf, crlf.
          # line_end = "any"
          ## For line framing: lines per record, for printers that print an event over several lines
          ## (joined with a line feed, \\n in the pattern; blank lines are skipped), and what the first line
          ## of a record looks like. Without record_start, a group the pattern rejects slides on by a line.
          # lines_per_record = 1
          # record_start = '^\\d{2}/\\d{2} '
          ## For fixed framing: bytes per record.
          # record_length = 12
          ## none, or xor_hex (last two hex digits are the XOR of the data's hex pairs).
          # checksum = "none"
          ## utf-8, latin1 or ascii.
          # encoding = "latin1"
          ## Longest record kept; longer ones are dropped and counted.
          # max_record_bytes = 512

          ## A regular expression matching the whole record, with named groups: badge (required),
          ## function, reader, date, time, end, text.
          # pattern = '^(?<time>\\d{6}),(?<reader>[^,]*),(?<badge>[^,]+),(?<function>[^,]*)(?:,.*)?$'
          ## Layout of the date, time and end fields (yyyy, yy, MM, dd, HH, mm, ss; hh with a for AM/PM),
          ## and their time zone (also used for until; default: the hub's).
          # time_format = "HHmmss"
          # time_zone = "Europe/Helsinki"

          ## How the badge is written (text, hex, decimal) and the forms tried in the directory:
          ## as_read, hex, hex:8 (zero-padded), decimal, decimal:10. All forms found must name one user.
          # badge_number = "decimal"
          # badge_forms = ["as_read", "decimal", "decimal:10"]

          ## The function of stamps that carry none (plain badge readers), and functions by reader for
          ## readers that mean a direction (entry and exit doors).
          # default_function = "IN"
          # readers = { "1" = "IN", "2" = "OUT" }

          ## Repeats of the same badge and function within this window are one stamp.
          # duplicate_window = "5s"

          ## Reopening a port that is missing or went away: first delay, then doubling up to the maximum.
          # reopen_initial_delay = "1s"
          # reopen_max_delay = "30s"
          ## How long a tcp:// connect may take.
          # connect_timeout = "5s"

          ## Function code (as on the line, case ignored) → presence. activity is from the tenant's
          ## catalogue; note is the stamp text for an empty note; duration or until (HH:MM) ends the
          ## change; ignore = true reads and counts the stamp but changes nothing. Replaces the preset's table.
          [settings.functions]
            "1" = { activity = "at_office", note = "In" }
            "2" = { activity = "off_duty", note = "Out" }
            "3" = { activity = "at_lunch", note = "Lunch", duration = "45m" }
            "4" = { activity = "busy", note = "Business trip", until = "17:00" }

        """
}
