import Foundation
import HubPluginSupport

/// How the outbox retries: capped exponential backoff with jitter, a limit on attempts and age, and how
/// long a gateway may hold a message without reporting before it is offered again.
struct OutboxPolicy: Sendable {
    /// Delay before retry n (1 = first retry).
    var backoff = Backoff(initial: .seconds(10), maximum: .seconds(600), multiplier: 2, jitter: 0.2)
    /// A message that failed this many attempts is given up.
    var maxAttempts = 100
    /// A message still not sent this long after it was accepted is given up (a gateway down for an hour loses nothing).
    var maxAge: Duration = .seconds(48 * 3600)
    /// A gateway that took a message and reported nothing for this long is presumed stuck; the message is offered again.
    var lease: Duration = .seconds(600)
}
