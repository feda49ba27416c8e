/// A condition a test waited for did not come true in time.
public struct WaitTimeout: Error, CustomStringConvertible {
    /// What was awaited.
    public var description: String
}

/// Polls `condition` every 10 ms (real time) until it holds; throws ``WaitTimeout`` after `timeout`.
///
/// For tests that watch a real child process or another thread; pure code should use a manual clock.
public func waitUntil(
    timeout: Duration = .seconds(10), _ what: @autoclosure () -> String = "condition",
    _ condition: () async throws -> Bool
) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while try await !condition() {
        guard clock.now < deadline else { throw WaitTimeout(description: "timed out waiting for \(what())") }
        try await Task.sleep(for: .milliseconds(10))
    }
}
