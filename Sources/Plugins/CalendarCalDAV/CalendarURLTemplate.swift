import Foundation

/// Builds a user's calendar collection URL from the configured template.
///
/// `{user}` is replaced with the user's calendar address and `{local}` with the part before `@`, both
/// percent-encoded as one path segment. A calendar address that is itself an http(s) URL is used as is,
/// for users whose calendar lives elsewhere.
public enum CalendarURLTemplate {
    /// The collection URL for `address`, always ending in `/`.
    public static func expand(_ template: String, address: String) -> String {
        let lower = address.lowercased()
        if lower.hasPrefix("https://") || lower.hasPrefix("http://") { return slash(address) }
        let local = address.split(separator: "@", maxSplits: 1).first.map(String.init) ?? address
        return slash(template.replacingOccurrences(of: "{user}", with: segment(address)).replacingOccurrences(of: "{local}", with: segment(local)))
    }

    /// The template with a harmless example, to check it forms a URL.
    static func sampleExpansion(_ template: String) -> String { expand(template, address: "user@example.com") }

    private static let segmentCharacters: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/;?#")
        return allowed
    }()

    private static func segment(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: segmentCharacters) ?? text
    }

    private static func slash(_ url: String) -> String { url.hasSuffix("/") ? url : url + "/" }
}
