import Foundation

/// How long a server asked us to wait before the next request: `Retry-After` (RFC 9110 §10.2.3, delay
/// seconds or an HTTP-date) and Exchange's `BackOffMilliseconds` in `ErrorServerBusy` SOAP faults.
///
/// Pure: callers pass the current time (`context.clock.now()`), so tests use fixed dates.
public enum RetryHint {
    /// Longest wait honoured; a server asking for more gets this (a typo must not park a sync for days).
    public static let maximum: Duration = .seconds(3600)

    /// The wait `response` asks for: its `Retry-After` header, else an EWS `BackOffMilliseconds` in the
    /// body; `nil` if it names none. Capped at ``maximum``; a date in the past means zero.
    public static func delay(for response: HTTPResponse, now: Date) -> Duration? {
        if let header = response.header("Retry-After"), let delay = retryAfter(header, now: now) { return delay }
        return ewsBackOff(in: response.body)
    }

    /// Parses a `Retry-After` value: whole seconds (`120`) or an HTTP-date (`Wed, 21 Oct 2015 07:28:00 GMT`,
    /// also the obsolete RFC 850 and asctime forms); `nil` if it is neither.
    public static func retryAfter(_ value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCII), trimmed.allSatisfy(\.isNumber) {
            guard let seconds = Int(trimmed) else { return maximum }  // too many digits to fit
            return capped(.seconds(seconds))
        }
        guard let date = httpDate(trimmed) else { return nil }
        return capped(.milliseconds(Int64((date.timeIntervalSince(now) * 1000).rounded(.up))))
    }

    /// Finds `BackOffMilliseconds` in an EWS SOAP fault
    /// (`<t:Value Name="BackOffMilliseconds">5000</t:Value>` in `MessageXml`); `nil` if absent or not a number.
    public static func ewsBackOff(in body: Data) -> Duration? {
        guard let text = String(data: body.prefix(64 * 1024), encoding: .utf8),
              let name = text.range(of: "BackOffMilliseconds"),
              let open = text[name.upperBound...].firstIndex(of: ">") else { return nil }
        let digits = text[text.index(after: open)...].prefix { $0 != "<" }.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let millis = Int64(digits) else { return nil }
        return capped(.milliseconds(millis))
    }

    private static func capped(_ delay: Duration) -> Duration {
        min(max(delay, .zero), maximum)
    }

    private static let dateFormats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",  // IMF-fixdate
        "EEEE, dd-MMM-yy HH:mm:ss zzz",  // RFC 850
        "EEE MMM d HH:mm:ss yyyy",  // asctime
    ]

    private static func httpDate(_ text: String) -> Date? {
        for format in dateFormats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text.replacingOccurrences(of: "  ", with: " ")) { return date }
        }
        return nil
    }
}
