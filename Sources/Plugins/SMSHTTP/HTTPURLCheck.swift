import Foundation

/// A minimal check that a setting is an absolute http(s) URL with a host.
enum HTTPURLCheck {
    static func isHTTP(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { return false }
        return true
    }
}
