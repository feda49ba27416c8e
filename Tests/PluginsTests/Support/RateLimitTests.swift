import Foundation
import HubPluginSupport
import Testing

@Suite("TokenBucket and LogThrottle")
struct RateLimitTests {
    let start = Date(timeIntervalSince1970: 1_777_887_000)

    @Test("a bucket passes a burst, then the rate")
    func bucket() {
        var bucket = TokenBucket(ratePerSecond: 10, burst: 5, now: start)
        let burst = (0..<20).filter { _ in bucket.take(at: start) }.count
        let tooSoon = bucket.take(at: start.addingTimeInterval(0.05))
        let refilled = bucket.take(at: start.addingTimeInterval(0.1))
        let second = (0..<50).filter { _ in bucket.take(at: start.addingTimeInterval(1.1)) }.count
        #expect(burst == 5)
        #expect(!tooSoon)
        #expect(refilled)
        #expect(second == 5)
    }

    @Test("a bucket refills to its burst at most, and time going back takes nothing")
    func refillCap() {
        var bucket = TokenBucket(ratePerSecond: 100, burst: 3, now: start)
        let passed = (0..<10).filter { _ in bucket.take(at: start.addingTimeInterval(3600)) }.count
        let back = bucket.take(at: start)
        #expect(passed == 3)
        #expect(!back)
    }

    @Test("a throttle reports the first problem, counts the rest, and reports again after the interval")
    func throttle() {
        var throttle = LogThrottle(interval: 10)
        let first = throttle.record(at: start)
        let quiet = (1...9).map { throttle.record(at: start.addingTimeInterval(Double($0))) }
        let counted = throttle.suppressed
        let next = throttle.record(at: start.addingTimeInterval(10))
        let again = throttle.record(at: start.addingTimeInterval(11))
        let flushed = throttle.flush()
        let empty = throttle.flush()
        #expect(first == 0)
        #expect(quiet.allSatisfy { $0 == nil })
        #expect(counted == 9)
        #expect(next == 9)
        #expect(again == nil)
        #expect(flushed == 1)
        #expect(empty == 0)
    }
}
