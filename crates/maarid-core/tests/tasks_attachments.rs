//! Files attached to a task: copied beside the database with their name, size and
//! SHA-256; a missing or too large file is refused and leaves nothing behind.

mod common;
mod task_fixtures;

use std::path::Path;

use maarid_core::tasks::{self, MAX_ATTACHMENT_BYTES};
use task_fixtures::*;

fn files_under(dir: &Path) -> usize {
    if !dir.exists() {
        return 0;
    }
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            if p.is_dir() {
                files_under(&p)
            } else {
                1
            }
        })
        .sum()
}

#[test]
fn an_attachment_is_copied_hashed_and_opened_from_the_copy() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let task = tasks::create(&t.db, a, &task("استلام الأوراق"), t0()).unwrap();
    let outside = tempfile::tempdir().unwrap();
    let src = outside.path().join("عقد البيع.txt");
    std::fs::write(&src, "abc").unwrap();

    let att = tasks::attach(&t.db, a, &task.id, &src, t0()).unwrap();
    assert_eq!(att.file_name, "عقد البيع.txt");
    assert_eq!(att.size, 3);
    assert_eq!(
        att.sha256,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    // The original can go: the task keeps its copy, in the data folder.
    std::fs::remove_file(&src).unwrap();
    let copy = tasks::attachment_path(&t.db, a, &att.id).unwrap();
    assert!(copy.starts_with(t.dir.path().join("tasks").join("attachments")));
    assert!(copy.ends_with("عقد البيع.txt"));
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), "abc");
    assert_eq!(
        tasks::attachments(&t.db, a, &task.id).unwrap(),
        std::slice::from_ref(&att)
    );
    assert_eq!(tasks::get(&t.db, a, &task.id).unwrap().attachments, 1);

    // Someone who cannot change the task cannot attach to it or open its files.
    let team = team(&t.db, &admin);
    std::fs::write(&src, "abc").unwrap();
    let e = tasks::attach(&t.db, &team.sara.actor, &task.id, &src, t0()).unwrap_err();
    assert_eq!(e.code(), "not_permitted");
    let e = tasks::attachment_path(&t.db, &team.sara.actor, &att.id).unwrap_err();
    assert_eq!(e.code(), "not_permitted");

    tasks::remove_attachment(&t.db, a, &att.id, t0()).unwrap();
    assert!(tasks::attachments(&t.db, a, &task.id).unwrap().is_empty());
    assert_eq!(
        files_under(&t.dir.path().join("tasks")),
        1,
        "one copy, no leftovers"
    );
}

#[test]
fn a_missing_or_too_large_file_is_refused_and_leaves_nothing_behind() {
    let (t, admin) = common::ready_db();
    let a = &admin.actor;
    let task = tasks::create(&t.db, a, &task("استلام الأوراق"), t0()).unwrap();
    let outside = tempfile::tempdir().unwrap();

    let missing = outside.path().join("لا-يوجد.pdf");
    let e = tasks::attach(&t.db, a, &task.id, &missing, t0()).unwrap_err();
    let p = e.to_payload();
    assert_eq!((p.code, p.field), ("file_missing", Some("file")));
    assert!(p.message_ar.contains("غير موجود") && p.message_en.contains("does not exist"));
    let e = tasks::attach(&t.db, a, &task.id, outside.path(), t0()).unwrap_err();
    assert_eq!(e.code(), "file_missing", "a folder is not a file");

    // One byte over the limit (a sparse file: nothing is really written).
    let big = outside.path().join("video.mp4");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(MAX_ATTACHMENT_BYTES + 1).unwrap();
    let e = tasks::attach(&t.db, a, &task.id, &big, t0()).unwrap_err();
    let p = e.to_payload();
    assert_eq!((p.code, p.field), ("file_too_large", Some("file")));
    assert!(p.message_en.contains("25.0 MB"), "{}", p.message_en);
    assert!(p.message_ar.contains("25.0"), "{}", p.message_ar);
    assert_eq!(e.exit_code(), 3);
    // Exactly the limit is fine.
    f.set_len(MAX_ATTACHMENT_BYTES).unwrap();
    let ok = tasks::attach(&t.db, a, &task.id, &big, t0()).unwrap();
    assert_eq!(ok.size, MAX_ATTACHMENT_BYTES);

    let e = tasks::attach(&t.db, a, "no-such-task", &big, t0()).unwrap_err();
    assert_eq!(e.code(), "not_found");
    assert_eq!(
        common::count(&t.db, "SELECT count(*) FROM task_attachments"),
        1
    );
    assert_eq!(files_under(&t.dir.path().join("tasks")), 1);
}
