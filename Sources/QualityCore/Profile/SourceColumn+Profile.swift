import ReportKit

extension SourceColumn {
    /// The type a profile gives this column when none is declared for it: text when the
    /// source declares a text type, else `nil` (the values decide).
    ///
    /// A database column of text that happens to hold only digits (postal codes, account
    /// numbers) is text, as the database and pandas' `read_sql` say: its profile has lengths
    /// and top values, never a mean. Other declared types are not imposed, because the
    /// values already say as much and a database writes some values of those types (`NaN`,
    /// `Infinity`) that a declared type would refuse. Text types are PostgreSQL's
    /// (`text`, `character varying`, `character`, `uuid`, `json`, `jsonb`, `name`) and
    /// SQLite's text affinity (a declared type containing `CHAR`, `CLOB` or `TEXT`).
    var profileType: ColumnType? {
        guard let declaredType else { return nil }
        let name = declaredType.lowercased()
        if ["uuid", "json", "jsonb", "name", "\"char\""].contains(name) { return .text }
        return ["char", "clob", "text"].contains(where: { name.contains($0) }) ? .text : nil
    }
}
