"""The contact register (客服登记本, §4.2): every call, letter, e-mail,
WeChat message and walk-in enquiry of a customer, one numbered line each.

The book sits above the counter and field service (a line concerns a job,
a unit or a visit); neither of them imports it."""
