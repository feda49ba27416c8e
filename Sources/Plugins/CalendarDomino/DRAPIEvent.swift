import Foundation

/// One entry of a Domino REST API calendar list (`GET /api/pim-v1/calendar/{calid}`): a JSCalendar
/// (RFC 8984) event as DRAPI sends it, with the Notes-native `timeZone` string
/// (`Z=5$DO=1$DL=3 2 1 11 1 1$ZX=40$ZN=Eastern`) or an IANA name, and a local `start`.
struct DRAPIEvent: Decodable, Sendable, Equatable {
    /// A participant (only what identifies the mailbox owner and their answer is kept).
    struct Participant: Decodable, Sendable, Equatable {
        var email: String?
        var roles: [String: Bool]?
        var participationStatus: String?
    }

    /// `@type`: `jsevent` (tasks, `jstask`, are skipped).
    var type: String?
    var uid: String?
    var title: String?
    /// LocalDateTime (`2024-06-11T09:00:00`) in `timeZone`; a trailing `Z` means UTC.
    var start: String?
    /// ISO 8601 duration (`PT1H`, `P1D`); absent = zero.
    var duration: String?
    var timeZone: String?
    var showWithoutTime: Bool?
    /// `confirmed`, `tentative`, `cancelled`.
    var status: String?
    /// `busy` (default) or `free`.
    var freeBusyStatus: String?
    /// `public` (default), `private`, `secret`.
    var privacy: String?
    var recurrenceId: String?
    /// Whether the entry is a series master with rules (not expanded by this adapter).
    var hasRecurrenceRules: Bool
    var excluded: Bool?
    /// JSCalendar string sets (`{"Presence": true}`).
    var categories: [String: Bool]?
    var keywords: [String: Bool]?
    var participants: [String: Participant]?

    private enum CodingKeys: String, CodingKey {
        case atType = "@type"
        case type, uid, title, start, duration, timeZone, showWithoutTime, status, freeBusyStatus, privacy, recurrenceId
        case recurrenceRules, excluded, categories, keywords, participants
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decodeIfPresent(String.self, forKey: .atType) ?? c.decodeIfPresent(String.self, forKey: .type)
        uid = try c.decodeIfPresent(String.self, forKey: .uid)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        start = try c.decodeIfPresent(String.self, forKey: .start)
        duration = try c.decodeIfPresent(String.self, forKey: .duration)
        timeZone = try c.decodeIfPresent(String.self, forKey: .timeZone)
        showWithoutTime = try c.decodeIfPresent(Bool.self, forKey: .showWithoutTime)
        status = try c.decodeIfPresent(String.self, forKey: .status)
        freeBusyStatus = try c.decodeIfPresent(String.self, forKey: .freeBusyStatus)
        privacy = try c.decodeIfPresent(String.self, forKey: .privacy)
        recurrenceId = try c.decodeIfPresent(String.self, forKey: .recurrenceId)
        hasRecurrenceRules = (try? c.decodeNil(forKey: .recurrenceRules)) == false
        excluded = try c.decodeIfPresent(Bool.self, forKey: .excluded)
        // Sets are maps to true; be lenient about the value type so one odd entry does not sink the list.
        categories = try? c.decodeIfPresent([String: Bool].self, forKey: .categories)
        keywords = try? c.decodeIfPresent([String: Bool].self, forKey: .keywords)
        participants = try? c.decodeIfPresent([String: Participant].self, forKey: .participants)
    }
}

/// A DRAPI error body: `{"status":403,"message":"…"}` (some releases send `code` instead of `status`).
struct DRAPIErrorBody: Decodable, Sendable, Equatable {
    var status: Int?
    var code: Int?
    var message: String?
    var details: String?

    /// The message, plus details when given.
    var summary: String {
        [message, details].compactMap { $0 }.joined(separator: ": ")
    }
}
