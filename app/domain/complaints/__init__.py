"""Complaint management (用户投诉管理, §1, §3.3.1C): every complaint
numbered, handled by the person responsible through its steps, and closed
by a manager once the customer has had a reply and answered it.

The book sits above the contact register, the counter and field service
(a complaint comes from a contact line, a visit report or a survey, and
concerns a unit, a job or a staff member); none of them imports it."""
