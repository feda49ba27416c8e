import Foundation

/// The XML bodies of the CalDAV/WebDAV requests the adapter sends (RFC 4791 §7.8/§7.9, RFC 6578 §3.2).
public enum CalDAVRequestBody {
    /// `calendar-query` for VEVENTs overlapping `[from, to)`, asking for ETag and calendar data.
    public static func calendarQuery(from: Date, to: Date) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
          <D:prop><D:getetag/><C:calendar-data/></D:prop>
          <C:filter>
            <C:comp-filter name="VCALENDAR">
              <C:comp-filter name="VEVENT">
                <C:time-range start="\(utc(from))" end="\(utc(to))"/>
              </C:comp-filter>
            </C:comp-filter>
          </C:filter>
        </C:calendar-query>
        """
    }

    /// `sync-collection` from `token` (nil or empty for the initial sync), members only, ETags.
    public static func syncCollection(token: String?) -> String {
        let tokenElement = token.map { $0.isEmpty ? "<D:sync-token/>" : "<D:sync-token>\(escape($0))</D:sync-token>" } ?? "<D:sync-token/>"
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <D:sync-collection xmlns:D="DAV:">
              \(tokenElement)
              <D:sync-level>1</D:sync-level>
              <D:prop><D:getetag/></D:prop>
            </D:sync-collection>
            """
    }

    /// `calendar-multiget` of `hrefs`, asking for ETag and calendar data.
    public static func multiget(hrefs: [String]) -> String {
        """
        <?xml version="1.0" encoding="utf-8"?>
        <C:calendar-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
          <D:prop><D:getetag/><C:calendar-data/></D:prop>
        \(hrefs.map { "  <D:href>\(escape($0))</D:href>" }.joined(separator: "\n"))
        </C:calendar-multiget>
        """
    }

    /// `yyyymmddThhmmssZ` of `date`.
    public static func utc(_ date: Date) -> String { LocalDateTime(date, in: ICalZones.utc).compactUTC }

    /// XML character data escaping.
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
