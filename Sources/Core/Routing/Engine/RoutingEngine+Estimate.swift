import Foundation

extension RoutingEngine {
    /// Estimated wait in seconds for the caller at `position`, rounded up to 30 s; nil without a basis
    /// (no eligible agent or no recent handle time).
    func estimatedWait(_ queueID: QueueID, position: Int, at now: Date) -> Int? {
        guard let queue = queueConfig(queueID), let samples = handleTimes[queueID], !samples.isEmpty else { return nil }
        let eligible = (members[queueID] ?? []).filter { isAvailableByPresence($0) }
            .filter { user in queue.skill.map { (plan.skills[user]?[$0.skill] ?? 0) >= $0.minimumLevel } ?? true }.count
        guard eligible > 0 else { return nil }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let rounds = Double((position + eligible - 1) / eligible)
        let seconds = rounds * mean
        return Int((seconds / 30).rounded(.up)) * 30
    }

    mutating func recordHandleTime(_ queue: QueueID, _ seconds: TimeInterval) {
        var samples = handleTimes[queue] ?? []
        samples.append(seconds)
        if samples.count > 20 { samples.removeFirst(samples.count - 20) }
        handleTimes[queue] = samples
    }
}
