//! Text → [`Query`]: a tokenizer, then one function per grammar rule of `soql.rs`.

use super::{Condition, Literal, Op, Order, Query, QueryError};

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Text(String),
    Comma,
    Open,
    Close,
    Equals,
    NotEquals,
}

impl Token {
    fn shown(&self) -> String {
        match self {
            Token::Word(word) => word.clone(),
            Token::Text(text) => format!("'{text}'"),
            Token::Comma => ",".to_owned(),
            Token::Open => "(".to_owned(),
            Token::Close => ")".to_owned(),
            Token::Equals => "=".to_owned(),
            Token::NotEquals => "!=".to_owned(),
        }
    }
}

pub fn parse(text: &str) -> Result<Query, QueryError> {
    let mut parser = Parser {
        tokens: tokenize(text)?,
        next: 0,
    };
    let query = parser.query()?;
    match parser.peek() {
        None => Ok(query),
        Some(token) => Err(unexpected(Some(token))),
    }
}

fn unexpected(token: Option<&Token>) -> QueryError {
    QueryError::Malformed(match token {
        Some(token) => format!("unexpected token: '{}'", token.shown()),
        None => "unexpected token: <EOF>".to_owned(),
    })
}

fn tokenize(text: &str) -> Result<Vec<Token>, QueryError> {
    let mut tokens = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        chars.next();
        let token = match c {
            c if c.is_whitespace() => continue,
            ',' => Token::Comma,
            '(' => Token::Open,
            ')' => Token::Close,
            '=' => Token::Equals,
            '!' if chars.next_if_eq(&'=').is_some() => Token::NotEquals,
            '<' if chars.next_if_eq(&'>').is_some() => Token::NotEquals,
            '\'' => Token::Text(string_literal(&mut chars)?),
            c if c.is_alphanumeric() || c == '_' => {
                let mut word = c.to_string();
                while let Some(c) = chars.next_if(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
                {
                    word.push(c);
                }
                Token::Word(word)
            }
            other => {
                return Err(QueryError::Malformed(format!(
                    "unexpected token: '{other}'"
                )));
            }
        };
        tokens.push(token);
    }
    Ok(tokens)
}

fn string_literal(chars: &mut std::iter::Peekable<std::str::Chars>) -> Result<String, QueryError> {
    let mut text = String::new();
    loop {
        match chars.next() {
            None => {
                return Err(QueryError::Malformed(
                    "unterminated string literal".to_owned(),
                ));
            }
            Some('\'') => return Ok(text),
            Some('\\') => match chars.next() {
                Some('n') => text.push('\n'),
                Some('t') => text.push('\t'),
                // `\%` and `\_` stay escaped for LIKE; elsewhere they mean the character itself.
                Some(c @ ('%' | '_')) => {
                    text.push('\\');
                    text.push(c);
                }
                Some(c @ ('\'' | '"' | '\\')) => text.push(c),
                _ => return Err(QueryError::Malformed("invalid escape sequence".to_owned())),
            },
            Some(c) => text.push(c),
        }
    }
}

struct Parser {
    tokens: Vec<Token>,
    next: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next)
    }

    fn take(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.next).cloned();
        self.next += 1;
        token
    }

    fn at_keyword(&self, keyword: &str) -> bool {
        matches!(self.peek(), Some(Token::Word(word)) if word.eq_ignore_ascii_case(keyword))
    }

    fn keyword(&mut self, keyword: &str) -> Result<(), QueryError> {
        if self.at_keyword(keyword) {
            self.next += 1;
            Ok(())
        } else {
            Err(unexpected(self.peek()))
        }
    }

    fn expect(&mut self, expected: &Token) -> Result<(), QueryError> {
        if self.peek() == Some(expected) {
            self.next += 1;
            Ok(())
        } else {
            Err(unexpected(self.peek()))
        }
    }

    fn name(&mut self) -> Result<String, QueryError> {
        match self.peek() {
            Some(Token::Word(word)) if !is_reserved(word) => {
                let word = word.clone();
                self.next += 1;
                Ok(word)
            }
            other => Err(unexpected(other)),
        }
    }

    fn query(&mut self) -> Result<Query, QueryError> {
        self.keyword("SELECT")?;
        let mut fields = vec![self.name()?];
        while self.peek() == Some(&Token::Comma) {
            self.next += 1;
            fields.push(self.name()?);
        }
        self.keyword("FROM")?;
        let object = self.name()?;
        let mut query = Query {
            fields,
            object,
            filter: None,
            order_by: None,
            limit: None,
        };
        if self.at_keyword("WHERE") {
            self.next += 1;
            query.filter = Some(self.condition()?);
        }
        if self.at_keyword("ORDER") {
            self.next += 1;
            self.keyword("BY")?;
            let field = self.name()?;
            let descending = self.at_keyword("DESC");
            if descending || self.at_keyword("ASC") {
                self.next += 1;
            }
            query.order_by = Some(Order { field, descending });
        }
        if self.at_keyword("LIMIT") {
            self.next += 1;
            query.limit = Some(match self.take() {
                Some(Token::Word(n)) => n
                    .parse()
                    .map_err(|_| QueryError::Malformed(format!("unexpected token: '{n}'")))?,
                other => return Err(unexpected(other.as_ref())),
            });
        }
        Ok(query)
    }

    fn condition(&mut self) -> Result<Condition, QueryError> {
        let first = self.term()?;
        let joiner = if self.at_keyword("AND") {
            "AND"
        } else if self.at_keyword("OR") {
            "OR"
        } else {
            return Ok(first);
        };
        let mut terms = vec![first];
        while self.at_keyword(joiner) {
            self.next += 1;
            terms.push(self.term()?);
        }
        if self.at_keyword("AND") || self.at_keyword("OR") {
            return Err(unexpected(self.peek()));
        }
        Ok(if joiner == "AND" {
            Condition::All(terms)
        } else {
            Condition::Any(terms)
        })
    }

    fn term(&mut self) -> Result<Condition, QueryError> {
        if self.peek() == Some(&Token::Open) {
            self.next += 1;
            let inner = self.condition()?;
            self.expect(&Token::Close)?;
            return Ok(inner);
        }
        let field = self.name()?;
        let negated = self.at_keyword("NOT");
        if negated {
            self.next += 1;
        }
        if self.at_keyword("IN") {
            self.next += 1;
            self.expect(&Token::Open)?;
            let mut values = vec![self.literal()?];
            while self.peek() == Some(&Token::Comma) {
                self.next += 1;
                values.push(self.literal()?);
            }
            self.expect(&Token::Close)?;
            return Ok(Condition::In {
                field,
                values,
                negated,
            });
        }
        if negated {
            return Err(unexpected(self.peek()));
        }
        let op = match self.take() {
            Some(Token::Equals) => Op::Equals,
            Some(Token::NotEquals) => Op::NotEquals,
            Some(Token::Word(word)) if word.eq_ignore_ascii_case("LIKE") => Op::Like,
            other => return Err(unexpected(other.as_ref())),
        };
        let value = self.literal()?;
        Ok(Condition::Compare { field, op, value })
    }

    fn literal(&mut self) -> Result<Literal, QueryError> {
        match self.take() {
            Some(Token::Text(text)) => Ok(Literal::Text(text)),
            Some(Token::Word(word)) if word.eq_ignore_ascii_case("null") => Ok(Literal::Null),
            Some(Token::Word(word)) if word.eq_ignore_ascii_case("true") => Ok(Literal::Bool(true)),
            Some(Token::Word(word)) if word.eq_ignore_ascii_case("false") => {
                Ok(Literal::Bool(false))
            }
            other => Err(unexpected(other.as_ref())),
        }
    }
}

fn is_reserved(word: &str) -> bool {
    [
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "ORDER", "BY", "ASC", "DESC",
        "LIMIT", "NULL", "TRUE", "FALSE",
    ]
    .iter()
    .any(|reserved| word.eq_ignore_ascii_case(reserved))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_query_parses_into_its_parts() {
        let query = parse(
            "select Id, LastName from Contact where (LastName = 'O\\'Brien' or Email like '%@x.fr') \
             and AccountId != null order by LastName desc limit 5",
        )
        .unwrap();
        assert_eq!(query.fields, ["Id", "LastName"]);
        assert_eq!(query.object, "Contact");
        assert_eq!(
            query.filter,
            Some(Condition::All(vec![
                Condition::Any(vec![
                    Condition::Compare {
                        field: "LastName".to_owned(),
                        op: Op::Equals,
                        value: Literal::Text("O'Brien".to_owned()),
                    },
                    Condition::Compare {
                        field: "Email".to_owned(),
                        op: Op::Like,
                        value: Literal::Text("%@x.fr".to_owned()),
                    },
                ]),
                Condition::Compare {
                    field: "AccountId".to_owned(),
                    op: Op::NotEquals,
                    value: Literal::Null,
                },
            ]))
        );
        assert_eq!(
            query.order_by,
            Some(Order {
                field: "LastName".to_owned(),
                descending: true
            })
        );
        assert_eq!(query.limit, Some(5));
    }

    #[test]
    fn queries_outside_the_subset_are_malformed() {
        for text in [
            "SELECT FROM Contact",
            "SELECT Id FROM",
            "SELECT COUNT() FROM Contact",
            "SELECT Id FROM Contact WHERE A = 'x' AND B = 'y' OR C = 'z'",
            "SELECT Id FROM Contact WHERE A = 'unterminated",
            "SELECT Id FROM Contact LIMIT many",
            "SELECT Id FROM Contact OFFSET 5",
            "DELETE FROM Contact",
        ] {
            assert!(
                matches!(parse(text), Err(QueryError::Malformed(_))),
                "{text} was accepted"
            );
        }
    }
}
