//! Signed links in mails (confirm, unsubscribe) and follower ids.
//!
//! A link names the service and follower and carries
//! `HMAC-SHA256(key, "<action>:<service>:<id>")`: nobody can confirm or
//! unsubscribe an address without the mail. Ids are an HMAC of what the
//! follower is (service, kind, endpoint or address), so following twice
//! is the same follower, and an id tells nothing about the address.
//! The key is made once and shared through the store.

use crate::events::webhooks::random_hex;
use crate::store::{Store, StoreError};
use hmac::digest::KeyInit;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// What a signed link does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkAction {
    Confirm,
    Unsubscribe,
}

impl LinkAction {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkAction::Confirm => "confirm",
            LinkAction::Unsubscribe => "unsubscribe",
        }
    }
}

pub struct LinkKey(Vec<u8>);

impl LinkKey {
    /// The shared key (made by the first process that needs it).
    pub async fn load(store: &dyn Store) -> Result<Self, StoreError> {
        let key = store.shared_secret("links", &random_hex(32)?).await?;
        Ok(Self(key.into_bytes()))
    }

    #[cfg(test)]
    pub fn from_bytes(key: &[u8]) -> Self {
        Self(key.to_vec())
    }

    /// The key as HMAC uses it: zero-padded to SHA-256's 64-byte block,
    /// hashed first when longer (RFC 2104), so no constructor can fail.
    fn block_key(&self) -> [u8; 64] {
        let mut block = [0u8; 64];
        if self.0.len() > block.len() {
            block[..32].copy_from_slice(&Sha256::digest(&self.0));
        } else {
            block[..self.0.len()].copy_from_slice(&self.0);
        }
        block
    }

    fn mac(&self, parts: &[&str]) -> Hmac<Sha256> {
        let mut mac = <Hmac<Sha256> as KeyInit>::new(&self.block_key().into());
        for (n, p) in parts.iter().enumerate() {
            if n > 0 {
                mac.update(b":");
            }
            mac.update(p.as_bytes());
        }
        mac
    }

    /// The signature of a link (hex).
    pub fn sign(&self, action: LinkAction, service: &str, id: &str) -> String {
        hex::encode(
            self.mac(&[action.as_str(), service, id])
                .finalize()
                .into_bytes(),
        )
    }

    /// Whether `signature` is this link's (in constant time).
    pub fn verify(&self, action: LinkAction, service: &str, id: &str, signature: &str) -> bool {
        let Ok(bytes) = hex::decode(signature) else {
            return false;
        };
        self.mac(&[action.as_str(), service, id])
            .verify_slice(&bytes)
            .is_ok()
    }

    /// The id of the follower `what` (an endpoint or a lower-cased
    /// address) of `service` for `kind`.
    pub fn follower_id(&self, service: &str, kind: &str, what: &str) -> String {
        let digest = self
            .mac(&["id", service, kind, what])
            .finalize()
            .into_bytes();
        hex::encode(&digest[..12])
    }

    /// A pseudonym of a mail address for the per-address limit.
    pub fn address_key(&self, address: &str) -> String {
        let digest = self.mac(&["mail", address]).finalize().into_bytes();
        hex::encode(&digest[..12])
    }
}

/// The path of a signed link, with its query.
pub fn link_path(key: &LinkKey, action: LinkAction, service: &str, id: &str) -> String {
    format!(
        "/follow/{service}/{id}/{}?sig={}",
        action.as_str(),
        key.sign(action, service, id)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_verify_for_their_own_action_service_and_id_only() {
        let key = LinkKey::from_bytes(b"k");
        let sig = key.sign(LinkAction::Confirm, "spotify", "abc");
        assert!(key.verify(LinkAction::Confirm, "spotify", "abc", &sig));
        assert!(!key.verify(LinkAction::Unsubscribe, "spotify", "abc", &sig));
        assert!(!key.verify(LinkAction::Confirm, "netflix", "abc", &sig));
        assert!(!key.verify(LinkAction::Confirm, "spotify", "abd", &sig));
        assert!(!key.verify(LinkAction::Confirm, "spotify", "abc", "zz"));
        // The same as any HMAC-SHA256 (Python: hmac.new(b"k", b"confirm:spotify:abc", sha256)).
        let mut plain = <Hmac<Sha256> as Mac>::new_from_slice(b"k").expect("key");
        plain.update(b"confirm:spotify:abc");
        assert_eq!(sig, hex::encode(plain.finalize().into_bytes()));
        let long = LinkKey::from_bytes(&[7u8; 100]);
        let mut plain = <Hmac<Sha256> as Mac>::new_from_slice(&[7u8; 100]).expect("key");
        plain.update(b"confirm:spotify:abc");
        assert_eq!(
            long.sign(LinkAction::Confirm, "spotify", "abc"),
            hex::encode(plain.finalize().into_bytes())
        );
        assert!(!LinkKey::from_bytes(b"other").verify(LinkAction::Confirm, "spotify", "abc", &sig));
        assert_eq!(
            key.follower_id("spotify", "back", "https://push/x"),
            key.follower_id("spotify", "back", "https://push/x")
        );
        assert_ne!(
            key.follower_id("spotify", "back", "https://push/x"),
            key.follower_id("spotify", "problems", "https://push/x")
        );
    }
}
