"""Records: creating Salesforce Leads and Contacts, pre-filled from an email's signature."""
