"""summary days, reminder closing, model fits

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('counters',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_counters'))
    )
    op.create_table('model_fits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('fitted_at', sa.DateTime(), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('purchases_version', sa.Integer(), nullable=False),
    sa.Column('customers', sa.Integer(), nullable=False),
    sa.Column('repeat_customers', sa.Integer(), nullable=False),
    sa.Column('r', sa.Float(), nullable=True),
    sa.Column('alpha', sa.Float(), nullable=True),
    sa.Column('a', sa.Float(), nullable=True),
    sa.Column('b', sa.Float(), nullable=True),
    sa.Column('log_likelihood', sa.Float(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_model_fits'))
    )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('purchase_days', sa.Integer(), server_default='0', nullable=False))

    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('closed_by', sa.String(length=20), nullable=True))

    # Distinct purchase days feed the churn model; count them for existing customers.
    op.execute(
        "UPDATE customers SET purchase_days = "
        "(SELECT count(DISTINCT p.day) FROM purchases p WHERE p.customer_id = customers.id)"
    )


def downgrade() -> None:
    with op.batch_alter_table('reminders', schema=None) as batch_op:
        batch_op.drop_column('closed_by')

    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_column('purchase_days')

    op.drop_table('model_fits')
    op.drop_table('counters')
