import Foundation
import HubCore
import HubPluginSupport

/// Turns a decoded stamp into a presence update for its badge: function (or reader) → mapping, end time,
/// note text, duplicate suppression. Pure; the directory lookup and submission happen in the plugin.
struct StampInterpreter: Sendable {
    /// What to do with one stamp.
    enum Decision: Equatable {
        /// Look the badge up under these keys and submit the update for the user found.
        case apply(badgeKeys: [String], update: PresenceUpdate)
        /// A repeat of a stamp seen within the duplicate window.
        case duplicate
        /// The function is mapped to `ignore = true`.
        case ignored(function: String)
        /// The stamp cannot be used.
        case problem(AccessControlProblem, String)
    }

    let functions: [String: FunctionMapping]
    let readers: [String: String]
    let defaultFunction: String?
    let badgeNumber: BadgeForm.Number
    let badgeForms: [BadgeForm]
    let timeZone: TimeZone
    private var duplicates: DuplicateFilter

    init(configuration: AccessControlConfiguration) {
        functions = configuration.functions
        readers = configuration.readers
        defaultFunction = configuration.defaultFunction
        badgeNumber = configuration.badgeNumber
        badgeForms = configuration.badgeForms
        timeZone = configuration.timeZone
        duplicates = DuplicateFilter(window: configuration.duplicateWindow.timeInterval)
    }

    /// The key a function code is looked up under: trimmed, upper-case, inner spaces collapsed.
    static func key(_ function: String) -> String {
        function.uppercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Decides what `stamp`, received at `now`, does.
    mutating func interpret(_ stamp: Stamp, at now: Date) -> Decision {
        let code = stamp.function ?? stamp.reader.flatMap { readers[Self.key($0)] } ?? defaultFunction
        guard let code else {
            return .problem(.unmappedFunction, "stamp has no function, its reader '\(stamp.reader ?? "")' is not in readers, and there is no default_function")
        }
        guard let mapping = functions[Self.key(code)] else {
            return .problem(.unmappedFunction, "function '\(code)' is not in functions (known: \(functions.keys.sorted().joined(separator: ", ")))")
        }
        guard duplicates.admit(badge: stamp.badge, function: Self.key(code), at: now) else { return .duplicate }
        if mapping.ignore { return .ignored(function: code) }
        guard let activity = mapping.activity else { return .ignored(function: code) }
        let base = min(stamp.time ?? now, now)
        var endsAt: Date?
        if let end = stamp.end {
            endsAt = end
        } else if let duration = mapping.duration {
            endsAt = base.addingTimeInterval(duration.duration.timeInterval)
        } else if let until = mapping.until.flatMap(TimeOfDay.init) {
            endsAt = until.next(after: base, in: timeZone)
        }
        let note = mapping.note ?? stamp.text
        let update = PresenceUpdate(
            activity: activity, noteIfEmpty: note?.isEmpty == false ? note.map { String($0.prefix(PresenceUpdate.maximumNoteLength)) } : nil,
            source: .accessControl, occurredAt: stamp.time, endsAt: endsAt)
        let keys = BadgeForm.candidates(for: stamp.badge, number: badgeNumber, forms: badgeForms)
        return .apply(badgeKeys: keys, update: update)
    }
}
