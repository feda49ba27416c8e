import HubPluginSupport
import HubPluginTesting
import Testing

@Suite("Backoff")
struct BackoffTests {
    @Test("doubles from the initial delay up to the cap", arguments: [
        (1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 16.0), (6, 30.0), (7, 30.0), (1000, 30.0), (Int.max, 30.0),
    ])
    func growth(attempt: Int, seconds: Double) {
        let backoff = Backoff(initial: .seconds(1), maximum: .seconds(30))
        #expect(backoff.delay(attempt: attempt) == .seconds(seconds))
    }

    @Test("attempt 0 and negative attempts count as the first")
    func lowAttempts() {
        let backoff = Backoff(initial: .milliseconds(500), maximum: .seconds(10), multiplier: 3)
        #expect(backoff.delay(attempt: 0) == .milliseconds(500))
        #expect(backoff.delay(attempt: -5) == .milliseconds(500))
        #expect(backoff.delay(attempt: 2) == .milliseconds(1500))
    }

    @Test("values out of range are clamped")
    func clamping() {
        let backoff = Backoff(initial: .seconds(5), maximum: .seconds(1), multiplier: 0.5, jitter: 7)
        #expect(backoff.maximum == .seconds(5))
        #expect(backoff.multiplier == 1)
        #expect(backoff.jitter == 1)
        #expect(backoff.delay(attempt: 9) == .seconds(5))
        #expect(Backoff(initial: .seconds(1), maximum: .seconds(2), multiplier: .nan).multiplier == 1)
    }

    @Test("jitter stays within (1 − jitter) × delay … delay and repeats for a seed")
    func jitter() {
        let backoff = Backoff(initial: .seconds(1), maximum: .seconds(60), jitter: 0.5)
        var first = SeededRandom(seed: 42)
        var second = SeededRandom(seed: 42)
        for attempt in 1...20 {
            let base = backoff.delay(attempt: attempt)
            let delay = backoff.delay(attempt: attempt, using: &first)
            #expect(delay <= base)
            #expect(delay > base * 0.5 - .milliseconds(1))
            #expect(delay == backoff.delay(attempt: attempt, using: &second))
        }
    }

    @Test("without jitter the random source is not used")
    func noJitter() {
        var random = SeededRandom(seed: 1)
        let backoff = Backoff(initial: .seconds(2), maximum: .seconds(8))
        #expect(backoff.delay(attempt: 2, using: &random) == .seconds(4))
        var fresh = SeededRandom(seed: 1)
        let (used, unused) = (random.next(), fresh.next())
        #expect(used == unused)
    }
}
