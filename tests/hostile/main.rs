//! Regression tests for hostile input (issue 13): one test binary, one module per family of
//! promise. Each test names the numbered failure of the issue it guards.

mod comments;
mod evidence;
mod files;
mod io;
