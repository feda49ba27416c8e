extension User {
    /// Checks the fields a directory entry must have; throws every problem at once with JSON paths.
    public func validate(path: String = "$") throws(ValidationError) {
        var issues = ValidationCollector()
        for (name, value) in [("firstName", firstName), ("lastName", lastName)] {
            if value.trimmed.isEmpty {
                issues.add("\(path).\(name)", "must not be empty")
            } else if value.count > 100 {
                issues.add("\(path).\(name)", "at most 100 characters")
            }
        }
        // A number may appear once per user; the second field holding it is the one reported.
        var seenNumbers = Set<PhoneNumber>()
        let numberFields = [("enterpriseNumber", enterpriseNumber), ("mobileNumber", mobileNumber), ("faxNumber", faxNumber)]
        for case let (name, number?) in numberFields where !seenNumbers.insert(number).inserted {
            issues.add("\(path).\(name)", "the same number is given twice")
        }
        if let email, !Self.looksLikeEmail(email) {
            issues.add("\(path).email", "not an e-mail address (expected name@domain)")
        }
        for (name, value) in [("company", company), ("department", department), ("title", title)] {
            if let value, value.count > 200 { issues.add("\(path).\(name)", "at most 200 characters") }
        }
        if keywords.count > 50 { issues.add("\(path).keywords", "at most 50 keywords") }
        for (index, keyword) in keywords.enumerated() where keyword.trimmed.isEmpty || keyword.count > 100 {
            issues.add("\(path).keywords[\(index)]", "must be 1-100 characters")
        }
        if let extraInfo, extraInfo.count > 2000 { issues.add("\(path).extraInfo", "at most 2000 characters") }
        var seenBadges = Set<String>()
        for (index, badge) in badgeIDs.enumerated() {
            if badge.trimmed.isEmpty || badge.count > 64 {
                issues.add("\(path).badgeIDs[\(index)]", "must be 1-64 characters")
            } else if !seenBadges.insert(badge).inserted {
                issues.add("\(path).badgeIDs[\(index)]", "duplicate badge id '\(badge)'")
            }
        }
        try issues.finish()
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
            && text.count <= 254
    }
}

extension String {
    var trimmed: Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[start...end]
    }
}
