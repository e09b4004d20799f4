//! The slice of OData `$filter` both Azure Monitor and the Retail Prices API are asked in:
//! `field eq 'value'` comparisons joined by `and` / `or`, grouped with parentheses, `and` binding tighter.
//! Anything else (`ne`, `contains(...)`, numbers) is refused, so a client relying on more fails loudly.

/// A parsed filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Filter {
    /// `field eq 'value'` (the value unquoted, `''` unescaped).
    Eq(String, String),
    /// Every part holds.
    And(Vec<Filter>),
    /// Any part holds.
    Or(Vec<Filter>),
}

impl Filter {
    /// The filter's parts when it is a conjunction, or itself as the only part.
    pub fn conjuncts(&self) -> Vec<&Filter> {
        match self {
            Self::And(parts) => parts.iter().flat_map(Filter::conjuncts).collect(),
            other => vec![other],
        }
    }

    /// Every field it compares, in order.
    pub fn fields(&self) -> Vec<&str> {
        match self {
            Self::Eq(field, _) => vec![field.as_str()],
            Self::And(parts) | Self::Or(parts) => parts.iter().flat_map(Filter::fields).collect(),
        }
    }

    /// Whether it holds when `value_of(field)` gives each field's value (values compared exactly).
    pub fn holds(&self, value_of: &impl Fn(&str) -> Option<String>) -> bool {
        match self {
            Self::Eq(field, value) => value_of(field).is_some_and(|v| v == *value),
            Self::And(parts) => parts.iter().all(|p| p.holds(value_of)),
            Self::Or(parts) => parts.iter().any(|p| p.holds(value_of)),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Word(String),
    Text(String),
    Open,
    Close,
}

/// Parses a filter, or says what is wrong with it.
pub fn parse(text: &str) -> Result<Filter, String> {
    let tokens = tokenize(text)?;
    let mut parser = Parser { tokens, at: 0 };
    let filter = parser.or()?;
    match parser.tokens.get(parser.at) {
        None => Ok(filter),
        Some(token) => Err(format!("unexpected {} after a complete filter", describe(token))),
    }
}

fn tokenize(text: &str) -> Result<Vec<Token>, String> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            _ if c.is_whitespace() => {
                chars.next();
            }
            '(' | ')' => {
                chars.next();
                tokens.push(if c == '(' { Token::Open } else { Token::Close });
            }
            '\'' => {
                chars.next();
                let mut value = String::new();
                loop {
                    match chars.next() {
                        // OData escapes a quote inside a string by doubling it.
                        Some('\'') if chars.peek() == Some(&'\'') => {
                            chars.next();
                            value.push('\'');
                        }
                        Some('\'') => break,
                        Some(other) => value.push(other),
                        None => return Err("a string is not closed with '".into()),
                    }
                }
                tokens.push(Token::Text(value));
            }
            _ => {
                let mut word = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || matches!(c, '(' | ')' | '\'') {
                        break;
                    }
                    word.push(c);
                    chars.next();
                }
                tokens.push(Token::Word(word));
            }
        }
    }
    Ok(tokens)
}

fn describe(token: &Token) -> String {
    match token {
        Token::Word(word) => format!("'{word}'"),
        Token::Text(text) => format!("the string '{text}'"),
        Token::Open => "'('".into(),
        Token::Close => "')'".into(),
    }
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    fn keyword(&mut self, word: &str) -> bool {
        let found = matches!(self.tokens.get(self.at), Some(Token::Word(w)) if w.eq_ignore_ascii_case(word));
        if found {
            self.at += 1;
        }
        found
    }

    fn or(&mut self) -> Result<Filter, String> {
        let mut parts = vec![self.and()?];
        while self.keyword("or") {
            parts.push(self.and()?);
        }
        Ok(if parts.len() == 1 { parts.remove(0) } else { Filter::Or(parts) })
    }

    fn and(&mut self) -> Result<Filter, String> {
        let mut parts = vec![self.primary()?];
        while self.keyword("and") {
            parts.push(self.primary()?);
        }
        Ok(if parts.len() == 1 { parts.remove(0) } else { Filter::And(parts) })
    }

    fn primary(&mut self) -> Result<Filter, String> {
        match self.next() {
            Some(Token::Open) => {
                let inner = self.or()?;
                match self.next() {
                    Some(Token::Close) => Ok(inner),
                    _ => Err("a '(' is not closed".into()),
                }
            }
            Some(Token::Word(field)) => {
                match self.next() {
                    Some(Token::Word(op)) if op.eq_ignore_ascii_case("eq") => {}
                    Some(other) => {
                        return Err(format!("only 'eq' comparisons are supported, got {}", describe(&other)))
                    }
                    None => return Err(format!("'{field}' is not compared to anything")),
                }
                match self.next() {
                    Some(Token::Text(value)) => Ok(Filter::Eq(field, value)),
                    Some(other) => {
                        Err(format!("'{field} eq' needs a quoted string, got {}", describe(&other)))
                    }
                    None => Err(format!("'{field} eq' needs a quoted string")),
                }
            }
            Some(other) => Err(format!("expected a field name, got {}", describe(&other))),
            None => Err("the filter ends too early".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eq(field: &str, value: &str) -> Filter {
        Filter::Eq(field.into(), value.into())
    }

    #[test]
    fn and_binds_tighter_than_or_and_parentheses_group() {
        assert_eq!(
            parse("meterId eq 'a' or meterId eq 'b' and x eq 'c'").unwrap(),
            Filter::Or(vec![eq("meterId", "a"), Filter::And(vec![eq("meterId", "b"), eq("x", "c")])])
        );
        let grouped = parse("(meterId eq 'a' OR meterId eq 'b') and armRegionName eq 'it''s'").unwrap();
        assert_eq!(
            grouped,
            Filter::And(vec![
                Filter::Or(vec![eq("meterId", "a"), eq("meterId", "b")]),
                eq("armRegionName", "it's")
            ])
        );
        assert_eq!(grouped.conjuncts().len(), 2);
        assert_eq!(grouped.fields(), ["meterId", "meterId", "armRegionName"]);
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in [
            "meterId ne 'a'",
            "contains(meterId, 'a')",
            "meterId eq 3",
            "(meterId eq 'a'",
            "meterId eq 'a",
            "",
            "meterId eq 'a' x",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
