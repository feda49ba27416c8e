import Foundation
import HubCore

/// The presence inputs the in-core benchmark cycles through: manual and automatic updates over many users.
struct PresenceWorkload {
    enum Mix: String, CaseIterable {
        case mixed = "mixed (45% manual, 55% automatic)"
        case manual = "manual only (user, admin)"
        case automatic = "automatic only (badge, calendar, SIP, API)"
    }

    /// A power of two, so the loop can index with a mask.
    static let cycleLength = 1 << 16
    /// Simulated time starts here and advances 1 ms per operation.
    static let epoch = Date(timeIntervalSinceReferenceDate: 800_000_000)

    let users: [UserID]
    let inputs: [PresenceInput]
    /// What a plain dictionary store would hold after each input (for the baseline).
    let presences: [Presence]
    let targets: [UserID]

    init(users count: Int, mix: Mix, seed: UInt64 = 7) {
        var random = SeededRandom(seed: seed)
        users = (0..<count).map { UserID(String(format: "user%05d", $0)) }
        var inputs: [PresenceInput] = []
        var presences: [Presence] = []
        var targets: [UserID] = []
        inputs.reserveCapacity(Self.cycleLength)
        for _ in 0..<Self.cycleLength {
            let user = random.pick(users)
            let manual: Bool
            switch mix {
            case .mixed: manual = random.chance(45)
            case .manual: manual = true
            case .automatic: manual = false
            }
            let update = manual ? Self.manualUpdate(&random) : Self.automaticUpdate(&random)
            inputs.append(.update(user, update))
            targets.append(user)
            presences.append(Presence(
                activity: update.activity ?? "available", role: update.role ?? .work, note: update.note?.value ?? "",
                online: update.online ?? true, idle: update.idle ?? false, source: update.source, changedAt: Self.epoch))
        }
        self.inputs = inputs
        self.presences = presences
        self.targets = targets
    }

    /// A user or admin changing activity, note, until-time or role.
    static func manualUpdate(_ random: inout SeededRandom) -> PresenceUpdate {
        let later = epoch.addingTimeInterval(40 * 86_400)
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return PresenceUpdate(activity: random.pick(["busy", "at_lunch", "available"]), source: .user)
        case 1: return PresenceUpdate(activity: "in_meeting", until: .set(later), note: .set("Palaverissa, soita myöhemmin"), source: .user)
        case 2: return PresenceUpdate(activity: "on_vacation", until: .set(later), note: .set("Lomalla, sijainen Päivi"), source: .admin)
        case 3: return PresenceUpdate(role: random.pick([RoleID.work, .mobile]), source: .user)
        default: return PresenceUpdate(note: random.chance(50) ? .clear : .set("Etätöissä Tampereella"), source: .user)
        }
    }

    /// A badge stamp, calendar entry, SIP registration or API client change.
    static func automaticUpdate(_ random: inout SeededRandom) -> PresenceUpdate {
        let ends = epoch.addingTimeInterval(30 * 86_400)
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return PresenceUpdate(activity: "at_office", noteIfEmpty: "Leimaus 08:02", source: .accessControl, endsAt: ends)
        case 1: return PresenceUpdate(activity: "in_meeting", note: .set("Kalenteri: viikkopalaveri"), source: .calendar, endsAt: ends)
        case 2: return PresenceUpdate(online: true, idle: random.chance(30), source: .sip)
        case 3: return PresenceUpdate(online: random.chance(80), source: .sip)
        default: return PresenceUpdate(activity: random.pick(["busy", "remote_work"]), source: .apiClient, endsAt: ends)
        }
    }
}
