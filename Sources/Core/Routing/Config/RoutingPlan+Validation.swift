import Foundation

extension RoutingPlan {
    /// Checks the plan against itself and the tenant's users; every problem names its JSON path.
    public func validate(users: [UserID: RoutingUser], catalogue: ActivityCatalogue = .standard) throws(ValidationError) {
        var issues = ValidationCollector()
        var numbers: [String: String] = [:]
        func claim(_ number: String, _ path: String) {
            if !Self.isDialable(number) {
                issues.add(path, "must be an E.164 number like +358912345678")
            } else if let other = numbers[number] {
                issues.add(path, "\(number) is already used by \(other)")
            } else if let owner = users.values.first(where: { $0.enterpriseNumber == number || $0.mobileNumber == number }) {
                issues.add(path, "\(number) is user \(owner.id)'s number")
            } else {
                numbers[number] = path
            }
        }
        func destination(_ number: String?, _ path: String) {
            if let number, !Self.isDialable(number) { issues.add(path, "must be an E.164 number like +358912345678") }
        }
        func member(_ user: UserID, _ path: String) {
            if users[user] == nil { issues.add(path, "unknown user '\(user)'") }
        }
        func activities(_ list: [ActivityID]?, _ path: String) {
            for (index, activity) in (list ?? []).enumerated() where catalogue.activity(activity) == nil {
                issues.add("\(path)[\(index)]", "unknown activity '\(activity)'")
            }
        }

        var queueIDs = Set<QueueID>()
        for (index, queue) in queues.enumerated() {
            let path = "$.queues[\(index)]"
            if !queueIDs.insert(queue.id).inserted { issues.add("\(path).id", "duplicate queue id '\(queue.id)'") }
            if !Slug.isValid(queue.id.rawValue) { issues.add("\(path).id", Slug.rule) }
            if queue.name.trimmingCharacters(in: .whitespaces).isEmpty { issues.add("\(path).name", "must not be empty") }
            claim(queue.number, "\(path).number")
            if !(5...600).contains(queue.ringSeconds) { issues.add("\(path).ringSeconds", "must be 5…600 seconds") }
            if !(1...100).contains(queue.attempts) { issues.add("\(path).attempts", "must be 1…100") }
            if !(0...3600).contains(queue.wrapUpSeconds) { issues.add("\(path).wrapUpSeconds", "must be 0…3600 seconds") }
            if let skill = queue.skill, !(1...100).contains(skill.minimumLevel) { issues.add("\(path).skill.minimumLevel", "must be 1…100") }
            if queue.strategy == .skill && queue.skill == nil { issues.add("\(path).skill", "the skill strategy needs a skill") }
            if queue.autoLogout.afterUnanswered < 0 { issues.add("\(path).autoLogout.afterUnanswered", "must be 0 (off) or more") }
            let overflow = queue.overflow
            if let rush = overflow.rush {
                if rush.maxWaiting < 1 { issues.add("\(path).overflow.rush.maxWaiting", "must be at least 1") }
                if rush.maxWaitSeconds < 1 { issues.add("\(path).overflow.rush.maxWaitSeconds", "must be at least 1") }
                if let reopen = rush.reopenBelowWaiting, !(1...max(rush.maxWaiting, 1)).contains(reopen) {
                    issues.add("\(path).overflow.rush.reopenBelowWaiting", "must be 1…maxWaiting (\(rush.maxWaiting))")
                }
                if let reopen = rush.reopenBelowWaitSeconds, !(1...max(rush.maxWaitSeconds, 1)).contains(reopen) {
                    issues.add("\(path).overflow.rush.reopenBelowWaitSeconds", "must be 1…maxWaitSeconds (\(rush.maxWaitSeconds))")
                }
                destination(rush.destination, "\(path).overflow.rush.destination")
            }
            if let timeout = overflow.timeout {
                if timeout.seconds < 1 { issues.add("\(path).overflow.timeout.seconds", "must be at least 1") }
                destination(timeout.destination, "\(path).overflow.timeout.destination")
            }
            destination(overflow.noAgents, "\(path).overflow.noAgents")
            destination(overflow.noAnswer, "\(path).overflow.noAnswer")
            destination(overflow.night, "\(path).overflow.night")
            if queue.announcements.progressEverySeconds < 0 { issues.add("\(path).announcements.progressEverySeconds", "must be 0 (off) or more") }
        }

        var groupIDs = Set<HuntGroupID>()
        for (index, group) in huntGroups.enumerated() {
            let path = "$.huntGroups[\(index)]"
            if !groupIDs.insert(group.id).inserted { issues.add("\(path).id", "duplicate hunt group id '\(group.id)'") }
            if !Slug.isValid(group.id.rawValue) { issues.add("\(path).id", Slug.rule) }
            claim(group.number, "\(path).number")
            if group.members.isEmpty { issues.add("\(path).members", "needs at least one member") }
            for (position, user) in group.members.enumerated() {
                member(user, "\(path).members[\(position)]")
                if users[user]?.isBasic == true {
                    issues.add("\(path).members[\(position)]", "user '\(user)' has the basic profile, which cannot be a hunt-group member (HUNT-1)")
                }
            }
            if Set(group.members).count != group.members.count { issues.add("\(path).members", "lists a member twice") }
            if !(5...600).contains(group.ringSeconds) { issues.add("\(path).ringSeconds", "must be 5…600 seconds") }
            if !(1...100).contains(group.attempts) { issues.add("\(path).attempts", "must be 1…100") }
            activities(group.excludeActivities, "\(path).excludeActivities")
            destination(group.overflow, "\(path).overflow")
            destination(group.night, "\(path).night")
        }

        for user in rules.keys.sorted() {
            let path = "$.rules.\(user)"
            member(user, path)
            for (index, rule) in (rules[user] ?? []).enumerated() {
                activities(rule.activities, "\(path)[\(index)].activities")
                if !(5...600).contains(rule.ringSeconds) { issues.add("\(path)[\(index)].ringSeconds", "must be 5…600 seconds") }
                if case let .forward(number) = rule.action { destination(number, "\(path)[\(index)].action") }
                if case let .forward(number) = rule.noAnswer { destination(number, "\(path)[\(index)].noAnswer") }
                if case let .forward(number) = rule.busy { destination(number, "\(path)[\(index)].busy") }
            }
        }
        for user in skills.keys.sorted() {
            member(user, "$.skills.\(user)")
            for (skill, level) in skills[user] ?? [:] where !(1...100).contains(level) {
                issues.add("$.skills.\(user).\(skill)", "level must be 1…100")
            }
        }
        for (index, number) in emergencyNumbers.enumerated() where number.isEmpty || !number.allSatisfy(\.isNumber) {
            issues.add("$.emergencyNumbers[\(index)]", "must be digits, like 112")
        }
        for area in emergencyAreas.keys.sorted() { destination(emergencyAreas[area], "$.emergencyAreas.\(area)") }
        for user in userEmergencyArea.keys.sorted() where emergencyAreas[userEmergencyArea[user] ?? ""] == nil {
            issues.add("$.userEmergencyArea.\(user)", "unknown area '\(userEmergencyArea[user] ?? "")'")
        }
        if let area = defaultEmergencyArea, emergencyAreas[area] == nil { issues.add("$.defaultEmergencyArea", "unknown area '\(area)'") }
        destination(operatorNumber, "$.operatorNumber")
        for role in callerID.keys.sorted() {
            if case let .queue(queue)? = callerID[role], !queueIDs.contains(queue) { issues.add("$.callerID.\(role)", "unknown queue '\(queue)'") }
            if case let .number(number)? = callerID[role] { destination(number, "$.callerID.\(role)") }
        }
        try issues.finish()
    }

    /// Whether `number` is a dialable E.164 number (`+` and 6…15 digits).
    static func isDialable(_ number: String) -> Bool {
        guard number.hasPrefix("+") else { return false }
        let digits = number.dropFirst()
        return (6...15).contains(digits.count) && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
