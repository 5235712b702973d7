//! A PostgreSQL server of the test's own, from the machine's PostgreSQL
//! binaries, in a temporary directory: TLS on with a certificate the test
//! made, and TCP connections accepted only over TLS. The shared server on
//! port 5432 is left as it is. Stopped and removed when dropped.

use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A certificate authority and the server certificate it signed.
pub struct Certificates {
    /// The CA's certificate, PEM: what a client must trust.
    pub ca_pem: String,
    pub server_pem: String,
    pub server_key_pem: String,
}

impl Certificates {
    /// A new CA and a certificate from it for `localhost` and 127.0.0.1.
    pub fn new() -> Certificates {
        use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair};
        let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        let ca_key = KeyPair::generate().unwrap();
        let ca = ca_params.self_signed(&ca_key).unwrap();
        let issuer = Issuer::new(ca_params, ca_key);
        let server_key = KeyPair::generate().unwrap();
        let params = CertificateParams::new(vec!["localhost".to_string(), "127.0.0.1".to_string()]).unwrap();
        let server = params.signed_by(&server_key, &issuer).unwrap();
        Certificates { ca_pem: ca.pem(), server_pem: server.pem(), server_key_pem: server_key.serialize_pem() }
    }
}

pub struct PrivatePostgres {
    child: Child,
    dir: PathBuf,
    pub port: u16,
}

/// The PostgreSQL binaries Debian installs (the newest version there).
fn bin(name: &str) -> PathBuf {
    let mut versions: Vec<PathBuf> =
        std::fs::read_dir("/usr/lib/postgresql").unwrap().map(|e| e.unwrap().path()).collect();
    versions.sort();
    versions.pop().expect("PostgreSQL is installed").join("bin").join(name)
}

/// PostgreSQL will not run as root; as root, run it as `postgres`.
fn as_server_user(program: &Path) -> Command {
    if is_root() {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .map(|s| s.lines().any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0")))
        .unwrap_or(false)
}

fn give_to_server_user(path: &Path) {
    if is_root() {
        let status = Command::new("chown").args(["-R", "postgres:postgres"]).arg(path).status().unwrap();
        assert!(status.success());
    }
}

impl PrivatePostgres {
    pub fn start(certificates: &Certificates) -> PrivatePostgres {
        let dir = std::env::temp_dir().join(format!("tally-pg-{}-{:x}", std::process::id(), super::rand_u64()));
        let data = dir.join("data");
        std::fs::create_dir_all(&dir).unwrap();
        give_to_server_user(&dir);
        let initdb = as_server_user(&bin("initdb"))
            .arg("-D")
            .arg(&data)
            .args(["-U", "postgres", "-A", "trust", "--no-sync"])
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(initdb.success(), "initdb");
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        for (name, text) in [("server.crt", &certificates.server_pem), ("server.key", &certificates.server_key_pem)] {
            std::fs::write(data.join(name), text).unwrap();
            std::fs::set_permissions(data.join(name), std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let settings = format!(
            "port = {port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{}'\nssl = on\nfsync = off\n",
            dir.display()
        );
        std::fs::write(data.join("postgresql.auto.conf"), settings).unwrap();
        // The test itself talks over the Unix socket; TCP only with TLS.
        std::fs::write(data.join("pg_hba.conf"), "local all all trust\nhostssl all all 127.0.0.1/32 trust\n").unwrap();
        give_to_server_user(&dir);
        let child = as_server_user(&bin("postgres")).arg("-D").arg(&data).stderr(Stdio::null()).spawn().unwrap();
        let server = PrivatePostgres { child, dir, port };
        let started = Instant::now();
        while !server.dir.join(format!(".s.PGSQL.{port}")).exists() {
            assert!(started.elapsed() < Duration::from_secs(20), "the private PostgreSQL did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// A plain connection over the Unix socket, for the test's own queries.
    pub async fn connect(&self) -> tokio_postgres::Client {
        let config = format!("host={} port={} user=postgres dbname=postgres", self.dir.display(), self.port);
        let (client, connection) = tokio_postgres::connect(&config, tokio_postgres::NoTls).await.unwrap();
        tokio::spawn(connection);
        client
    }
}

impl Drop for PrivatePostgres {
    fn drop(&mut self) {
        // SIGQUIT: stop at once. The runuser wrapper passes it on.
        let _ = Command::new("pkill").args(["-QUIT", "-f", &format!("{}/data", self.dir.display())]).status();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
