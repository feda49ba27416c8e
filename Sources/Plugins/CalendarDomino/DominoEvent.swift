import Foundation

/// One event of a Domino Access Services calendar list (`GET /{db}.nsf/api/calendar/events`), as sent.
struct DominoEvent: Decodable, Sendable, Equatable {
    /// A DAS date-time: `{"date":"2013-09-09","time":"17:00:00","utc":true}` or with `"tzid"`; no `time` = a whole day.
    struct When: Decodable, Sendable, Equatable {
        var date: String
        var time: String?
        var utc: Bool?
        var tzid: String?
    }

    /// An attendee (only the status is of interest).
    struct Attendee: Decodable, Sendable, Equatable {
        var status: String?
        var email: String?
    }

    var id: String
    var summary: String?
    var start: When?
    var end: When?
    var `class`: String?
    var transparency: String?
    var recurrenceId: String?
    var attendees: [Attendee]?
    var categories: [String]?
    /// `x-lotus-appttype`: 0 appointment, 1 anniversary, 2 all-day event, 3 meeting, 4 reminder.
    var apptType: String?
    /// `x-lotus-noticetype`: I = invitation not yet answered, C = cancellation …
    var noticeType: String?

    private enum CodingKeys: String, CodingKey {
        case id, summary, start, end, `class`, transparency, recurrenceId, attendees, categories
        case apptType = "x-lotus-appttype"
        case noticeType = "x-lotus-noticetype"
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        start = try c.decodeIfPresent(When.self, forKey: .start)
        end = try c.decodeIfPresent(When.self, forKey: .end)
        `class` = try c.decodeIfPresent(String.self, forKey: .class)
        transparency = try c.decodeIfPresent(String.self, forKey: .transparency)
        recurrenceId = try c.decodeIfPresent(String.self, forKey: .recurrenceId)
        attendees = try c.decodeIfPresent([Attendee].self, forKey: .attendees)
        categories = try? c.decodeIfPresent([String].self, forKey: .categories)
        if categories == nil, let single = try? c.decodeIfPresent(String.self, forKey: .categories) { categories = [single] }
        apptType = try Self.lotusValue(c, .apptType)
        noticeType = try Self.lotusValue(c, .noticeType)
    }

    /// `x-lotus-*` items come as `{"data":"I"}` or as a bare string.
    private static func lotusValue(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> String? {
        struct Wrapped: Decodable { var data: String? }
        if let text = try? c.decodeIfPresent(String.self, forKey: key) { return text }
        return try c.decodeIfPresent(Wrapped.self, forKey: key)?.data
    }
}

/// The body of a calendar events list.
struct DominoEventList: Decodable, Sendable, Equatable {
    var events: [DominoEvent]

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // An empty calendar answers `{}` on some releases.
        events = try c.decodeIfPresent([DominoEvent].self, forKey: .events) ?? []
    }

    private enum CodingKeys: String, CodingKey { case events }
}

/// A DAS error body: `{"code":404,"text":"Not Found","cserror":1031,"message":"Error reading event"}`.
struct DominoErrorBody: Decodable, Sendable, Equatable {
    var code: Int?
    var text: String?
    var cserror: Int?
    var message: String?

    /// `message (cserror N)` or the HTTP text.
    var summary: String {
        var parts = [message ?? text ?? "error"]
        if let cserror { parts.append("(cserror \(cserror))") }
        return parts.joined(separator: " ")
    }
}
