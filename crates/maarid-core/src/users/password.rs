//! Password hashing with argon2id (PHC strings carry their own salt and parameters,
//! so stronger parameters later still verify old hashes).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use password_hash::rand_core::OsRng;

use crate::{Error, Result, Rule};

pub const MIN_LEN: usize = 8;
const MAX_LEN: usize = 256;

pub fn validate(password: &str) -> Result<()> {
    let n = password.chars().count();
    if n == 0 {
        Err(Error::invalid("password", Rule::Required))
    } else if n < MIN_LEN {
        Err(Error::invalid("password", Rule::MinChars(MIN_LEN as u16)))
    } else if n > MAX_LEN {
        Err(Error::invalid("password", Rule::TooLong))
    } else {
        Ok(())
    }
}

pub fn hash(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default() // argon2id, v19, OWASP-recommended defaults
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Internal(format!("password hashing: {e}")))
}

pub fn verify(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Spends the same time as a real check, so an unknown username is not revealed by
/// a faster answer.
pub fn burn_time(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let phc = DUMMY.get_or_init(|| hash("not-a-real-password").unwrap_or_default());
    let _ = verify(password, phc);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_salted_and_verify() {
        let a = hash("correct horse").unwrap();
        let b = hash("correct horse").unwrap();
        assert!(a.starts_with("$argon2id$"), "{a}");
        assert_ne!(a, b, "salted");
        assert!(verify("correct horse", &a));
        assert!(!verify("correct horsE", &a));
        assert!(!verify("x", "not a hash"));
    }

    #[test]
    fn length_rules() {
        assert!(validate("").is_err());
        assert!(validate("1234567").is_err());
        assert!(validate("12345678").is_ok());
        assert!(
            validate("كلمةمرور").is_ok(),
            "Arabic passwords count characters, not bytes"
        );
    }
}
