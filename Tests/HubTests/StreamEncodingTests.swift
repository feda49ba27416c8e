import Foundation
@testable import Hub
import HubCore
import Testing

@Suite("Stream event encoding")
struct StreamEncodingTests {
    private func event(_ sequence: UInt64, user: UserID = "anna") -> HubEvent {
        let at = Date(timeIntervalSince1970: 1_795_132_800)
        var after = Presence(activity: "busy", role: .mobile, source: .user, changedAt: at, revision: 7, lastManualAt: at)
        after.note = "n\(sequence)"
        return HubEvent(sequence: sequence, tenant: "acme", at: at, payload: .presenceChanged(
            PresenceChange(user: user, before: nil, after: after, source: .user, at: at, reason: .update)))
    }

    @Test("the role is shown to privileged viewers and the user only; engine bookkeeping never")
    func variants() {
        let cache = StreamEncodingCache()
        let other = cache.text(event(1), viewer: "bertil", privileged: false)
        let own = cache.text(event(1), viewer: "anna", privileged: false)
        let admin = cache.text(event(1), viewer: nil, privileged: true)
        #expect(!other.contains(#""role""#))
        #expect(own.contains(#""role":"mobile""#))
        #expect(admin == own)
        #expect(!admin.contains("revision") && !admin.contains("lastManualAt"))
    }

    @Test("each event is encoded per variant; old entries are evicted beyond the capacity")
    func caching() {
        let cache = StreamEncodingCache(capacity: 2)
        #expect(cache.text(event(1), viewer: nil, privileged: true).contains(#""note":"n1""#))
        #expect(cache.text(event(2), viewer: nil, privileged: true).contains(#""note":"n2""#))
        #expect(cache.text(event(3), viewer: nil, privileged: true).contains(#""note":"n3""#))
        #expect(cache.text(event(1, user: "eva"), viewer: nil, privileged: true).contains(#""user":"eva""#), "evicted, so encoded anew")
    }
}
