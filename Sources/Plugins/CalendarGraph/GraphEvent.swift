import Foundation

/// One entry of a Graph `calendarView/delta` page: an event, or an `@removed` marker.
struct GraphEvent: Decodable, Sendable, Equatable {
    /// A `dateTimeTimeZone` value.
    struct When: Decodable, Sendable, Equatable {
        var dateTime: String
        var timeZone: String?
    }

    /// The mailbox owner's answer (`responseStatus`).
    struct ResponseStatus: Decodable, Sendable, Equatable {
        var response: String?
    }

    /// Why an entry was removed (`@removed`).
    struct Removed: Decodable, Sendable, Equatable {
        var reason: String?
    }

    var id: String
    var removed: Removed?
    var subject: String?
    var start: When?
    var end: When?
    var showAs: String?
    var sensitivity: String?
    var isAllDay: Bool?
    var isCancelled: Bool?
    var responseStatus: ResponseStatus?
    var categories: [String]?
    var type: String?

    private enum CodingKeys: String, CodingKey {
        case id, subject, start, end, showAs, sensitivity, isAllDay, isCancelled, responseStatus, categories, type
        case removed = "@removed"
    }
}

/// One page of a delta round.
struct GraphDeltaPage: Decodable, Sendable, Equatable {
    var value: [GraphEvent]
    var nextLink: String?
    var deltaLink: String?

    private enum CodingKeys: String, CodingKey {
        case value
        case nextLink = "@odata.nextLink"
        case deltaLink = "@odata.deltaLink"
    }
}

/// A Graph error body: `{"error":{"code":"…","message":"…"}}`.
struct GraphErrorBody: Decodable, Sendable, Equatable {
    struct Detail: Decodable, Sendable, Equatable {
        var code: String?
        var message: String?
    }

    var error: Detail
}
