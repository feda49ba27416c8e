/// A language callers can hear prompts in (PRES-9).
public enum PhraseLanguage: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// English.
    case english = "en"
    /// Swedish.
    case swedish = "sv"
    /// Finnish.
    case finnish = "fi"

    /// Month names as used after a day number ("3 December", "3 december", "3. joulukuuta").
    var monthNames: [String] {
        switch self {
        case .english:
            ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
        case .swedish:
            ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
             "november", "december"]
        case .finnish:
            ["tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta",
             "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"]
        }
    }
}
